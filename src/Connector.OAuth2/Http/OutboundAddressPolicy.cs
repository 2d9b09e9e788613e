using System.Net;
using System.Net.Sockets;

namespace Connector.OAuth2.Http;

/// <summary>
/// Which addresses a provider call may connect to (RFC 9700 §4.17 is silent on SSRF; OWASP's SSRF cheat sheet is the
/// model): public addresses only, unless private networks are allowed (development, tests), and never a cloud
/// metadata endpoint. IPv4-mapped and NAT64/6to4 IPv6 forms are judged by the IPv4 address they carry.
/// </summary>
public static class OutboundAddressPolicy
{
    // Exact addresses first: each sits inside a wider range below that would name it less precisely.
    private static readonly HashSet<IPAddress> MetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, Azure, GCP, OCI, DigitalOcean, OpenStack
        IPAddress.Parse("169.254.170.2"), // AWS ECS task metadata
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
        IPAddress.Parse("fd00:ec2::254"), // AWS over IPv6
    ];

    private static readonly (IPNetwork Network, OutboundAddressKind Kind)[] Ranges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("10.0.0.0/8"), OutboundAddressKind.Private),
        (IPNetwork.Parse("100.64.0.0/10"), OutboundAddressKind.CarrierGradeNat),
        (IPNetwork.Parse("127.0.0.0/8"), OutboundAddressKind.Loopback),
        (IPNetwork.Parse("169.254.0.0/16"), OutboundAddressKind.LinkLocal),
        (IPNetwork.Parse("172.16.0.0/12"), OutboundAddressKind.Private),
        (IPNetwork.Parse("192.0.0.0/24"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("192.0.2.0/24"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("192.168.0.0/16"), OutboundAddressKind.Private),
        (IPNetwork.Parse("198.18.0.0/15"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("198.51.100.0/24"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("203.0.113.0/24"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("224.0.0.0/4"), OutboundAddressKind.Multicast),
        (IPNetwork.Parse("240.0.0.0/4"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("64:ff9b:1::/48"), OutboundAddressKind.Private), // RFC 8215 local-use NAT64
        (IPNetwork.Parse("100::/64"), OutboundAddressKind.Reserved), // RFC 6666 discard-only
        (IPNetwork.Parse("2001::/32"), OutboundAddressKind.Reserved), // Teredo: the IPv4 inside is obfuscated
        (IPNetwork.Parse("2001:db8::/32"), OutboundAddressKind.Reserved),
        (IPNetwork.Parse("fc00::/7"), OutboundAddressKind.Private),
        (IPNetwork.Parse("fe80::/10"), OutboundAddressKind.LinkLocal),
        (IPNetwork.Parse("fec0::/10"), OutboundAddressKind.Private),
        (IPNetwork.Parse("ff00::/8"), OutboundAddressKind.Multicast),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96"); // RFC 6052
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16"); // RFC 3056
    private static readonly IPNetwork IPv4Compatible = IPNetwork.Parse("::/96"); // RFC 4291 §2.5.5.1, deprecated

    /// <summary>True when a provider call may connect to <paramref name="address"/>.</summary>
    public static bool IsAllowed(IPAddress address, bool allowPrivateNetworks) =>
        Classify(address) switch
        {
            OutboundAddressKind.Public => true,
            OutboundAddressKind.Metadata => false,
            _ => allowPrivateNetworks,
        };

    public static OutboundAddressKind Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return Classify(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.ScopeId != 0)
            {
                address = new IPAddress(address.GetAddressBytes()); // fe80::1%eth0 is still fe80::1
            }

            if (address.Equals(IPAddress.IPv6Any))
            {
                return OutboundAddressKind.Unspecified;
            }

            if (address.Equals(IPAddress.IPv6Loopback))
            {
                return OutboundAddressKind.Loopback;
            }

            // Forms that carry an IPv4 address a gateway would deliver to: judged by that address.
            if (Nat64.Contains(address))
            {
                return Classify(new IPAddress(address.GetAddressBytes()[12..16]));
            }

            if (SixToFour.Contains(address))
            {
                return Classify(new IPAddress(address.GetAddressBytes()[2..6]));
            }

            if (IPv4Compatible.Contains(address))
            {
                return OutboundAddressKind.Reserved;
            }
        }
        else if (address.Equals(IPAddress.Any))
        {
            return OutboundAddressKind.Unspecified;
        }

        if (MetadataAddresses.Contains(address))
        {
            return OutboundAddressKind.Metadata;
        }

        foreach (var (network, kind) in Ranges)
        {
            if (network.Contains(address))
            {
                return kind;
            }
        }

        return OutboundAddressKind.Public;
    }
}
