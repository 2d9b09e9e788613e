using System.Net;
using Connector.OAuth2.Http;

namespace Connector.OAuth2.Tests.Http;

/// <summary>The address rule of the outbound guard, range by range, in IPv4, IPv6 and the IPv6 forms that carry IPv4.</summary>
public sealed class OutboundAddressPolicyTests
{
    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("140.82.112.3")] // github.com
    [InlineData("100.63.255.255")] // just below CGNAT
    [InlineData("100.128.0.0")] // just above CGNAT
    [InlineData("172.15.255.255")] // just below 172.16/12
    [InlineData("172.32.0.0")] // just above it
    [InlineData("169.253.255.255")]
    [InlineData("223.255.255.255")] // just below multicast
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:80e::200e")]
    [InlineData("::ffff:8.8.8.8")] // mapped public
    [InlineData("64:ff9b::808:808")] // NAT64 of 8.8.8.8: how an IPv6-only network reaches a public IPv4 provider
    [InlineData("2002:808:808::1")] // 6to4 of 8.8.8.8
    public void PublicAddress_IsAllowed(string address)
    {
        Assert.Equal(OutboundAddressKind.Public, OutboundAddressPolicy.Classify(IPAddress.Parse(address)));
        Assert.True(OutboundAddressPolicy.IsAllowed(IPAddress.Parse(address), allowPrivateNetworks: false));
    }

    [Theory]
    [InlineData("127.0.0.1", OutboundAddressKind.Loopback)]
    [InlineData("127.255.255.254", OutboundAddressKind.Loopback)]
    [InlineData("::1", OutboundAddressKind.Loopback)]
    [InlineData("::ffff:127.0.0.1", OutboundAddressKind.Loopback)]
    [InlineData("10.0.0.1", OutboundAddressKind.Private)]
    [InlineData("10.255.255.255", OutboundAddressKind.Private)]
    [InlineData("172.16.0.1", OutboundAddressKind.Private)]
    [InlineData("172.31.255.255", OutboundAddressKind.Private)]
    [InlineData("192.168.1.1", OutboundAddressKind.Private)]
    [InlineData("::ffff:10.1.2.3", OutboundAddressKind.Private)]
    [InlineData("::ffff:192.168.0.10", OutboundAddressKind.Private)]
    [InlineData("fc00::1", OutboundAddressKind.Private)]
    [InlineData("fd12:3456:789a::1", OutboundAddressKind.Private)]
    [InlineData("fec0::1", OutboundAddressKind.Private)]
    [InlineData("64:ff9b:1::a00:1", OutboundAddressKind.Private)]
    [InlineData("100.64.0.1", OutboundAddressKind.CarrierGradeNat)]
    [InlineData("100.127.255.255", OutboundAddressKind.CarrierGradeNat)]
    [InlineData("::ffff:100.64.0.1", OutboundAddressKind.CarrierGradeNat)]
    [InlineData("169.254.0.1", OutboundAddressKind.LinkLocal)]
    [InlineData("169.254.255.255", OutboundAddressKind.LinkLocal)]
    [InlineData("fe80::1", OutboundAddressKind.LinkLocal)]
    [InlineData("fe80::1%2", OutboundAddressKind.LinkLocal)]
    [InlineData("febf::1", OutboundAddressKind.LinkLocal)]
    [InlineData("::ffff:169.254.1.1", OutboundAddressKind.LinkLocal)]
    [InlineData("169.254.169.254", OutboundAddressKind.Metadata)]
    [InlineData("169.254.170.2", OutboundAddressKind.Metadata)]
    [InlineData("100.100.100.200", OutboundAddressKind.Metadata)]
    [InlineData("fd00:ec2::254", OutboundAddressKind.Metadata)]
    [InlineData("::ffff:169.254.169.254", OutboundAddressKind.Metadata)]
    [InlineData("64:ff9b::a9fe:a9fe", OutboundAddressKind.Metadata)] // NAT64 of 169.254.169.254
    [InlineData("0.0.0.0", OutboundAddressKind.Unspecified)]
    [InlineData("::", OutboundAddressKind.Unspecified)]
    [InlineData("::ffff:0.0.0.0", OutboundAddressKind.Unspecified)]
    [InlineData("224.0.0.1", OutboundAddressKind.Multicast)]
    [InlineData("239.255.255.250", OutboundAddressKind.Multicast)]
    [InlineData("ff02::1", OutboundAddressKind.Multicast)]
    [InlineData("::ffff:224.0.0.251", OutboundAddressKind.Multicast)]
    [InlineData("0.1.2.3", OutboundAddressKind.Reserved)]
    [InlineData("240.0.0.1", OutboundAddressKind.Reserved)]
    [InlineData("255.255.255.255", OutboundAddressKind.Reserved)]
    [InlineData("192.0.0.170", OutboundAddressKind.Reserved)]
    [InlineData("192.0.2.10", OutboundAddressKind.Reserved)]
    [InlineData("198.18.0.1", OutboundAddressKind.Reserved)]
    [InlineData("198.51.100.7", OutboundAddressKind.Reserved)]
    [InlineData("203.0.113.9", OutboundAddressKind.Reserved)]
    [InlineData("::127.0.0.1", OutboundAddressKind.Reserved)] // deprecated IPv4-compatible form
    [InlineData("2001:db8::1", OutboundAddressKind.Reserved)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", OutboundAddressKind.Reserved)] // Teredo
    [InlineData("100::1", OutboundAddressKind.Reserved)]
    [InlineData("64:ff9b::7f00:1", OutboundAddressKind.Loopback)] // NAT64 of 127.0.0.1
    [InlineData("2002:a00:1::1", OutboundAddressKind.Private)] // 6to4 of 10.0.0.1
    public void NonPublicAddress_IsClassified_AndRefusedOutsideDevelopment(string address, OutboundAddressKind expected)
    {
        var ip = IPAddress.Parse(address);

        Assert.Equal(expected, OutboundAddressPolicy.Classify(ip));
        Assert.False(OutboundAddressPolicy.IsAllowed(ip, allowPrivateNetworks: false));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("fd12::1")]
    [InlineData("169.254.0.1")]
    public void PrivateAddress_IsAllowed_WhenPrivateNetworksAre(string address) =>
        Assert.True(OutboundAddressPolicy.IsAllowed(IPAddress.Parse(address), allowPrivateNetworks: true));

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("fd00:ec2::254")]
    [InlineData("100.100.100.200")]
    public void MetadataAddress_IsRefused_EvenWhenPrivateNetworksAreAllowed(string address) =>
        Assert.False(OutboundAddressPolicy.IsAllowed(IPAddress.Parse(address), allowPrivateNetworks: true));
}
