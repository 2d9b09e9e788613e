namespace Connector.OAuth2.Http;

/// <summary>What an IP address reaches, as far as the outbound guard is concerned (<see cref="OutboundAddressPolicy"/>).</summary>
public enum OutboundAddressKind
{
    /// <summary>A globally routable address: the only kind a provider call may reach outside development.</summary>
    Public,

    /// <summary><c>0.0.0.0</c>, <c>::</c>: the machine itself to most stacks.</summary>
    Unspecified,

    /// <summary><c>127.0.0.0/8</c>, <c>::1</c>.</summary>
    Loopback,

    /// <summary>RFC 1918 (<c>10/8</c>, <c>172.16/12</c>, <c>192.168/16</c>), IPv6 ULA <c>fc00::/7</c>, site-local <c>fec0::/10</c>.</summary>
    Private,

    /// <summary>RFC 6598 shared address space <c>100.64.0.0/10</c> (carrier-grade NAT, and some clouds' internal services).</summary>
    CarrierGradeNat,

    /// <summary><c>169.254.0.0/16</c>, <c>fe80::/10</c>.</summary>
    LinkLocal,

    /// <summary>A cloud instance-metadata endpoint (<c>169.254.169.254</c>, <c>fd00:ec2::254</c>, …): refused even in development.</summary>
    Metadata,

    /// <summary><c>224.0.0.0/4</c>, <c>ff00::/8</c>.</summary>
    Multicast,

    /// <summary>Not globally routable for another reason: <c>0/8</c>, <c>240/4</c> and broadcast, documentation and benchmarking ranges, deprecated IPv6 forms.</summary>
    Reserved,
}
