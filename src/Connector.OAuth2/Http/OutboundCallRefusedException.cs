using System.Net;

namespace Connector.OAuth2.Http;

/// <summary>
/// A provider call the outbound guard would not make: plain http, or a host whose every address is one it may not
/// reach. Thrown from the connection step, so <see cref="HttpClient"/> wraps it in an <see cref="HttpRequestException"/>.
/// </summary>
public sealed class OutboundCallRefusedException : IOException
{
    public OutboundCallRefusedException()
    {
    }

    public OutboundCallRefusedException(string message)
        : base(message)
    {
    }

    public OutboundCallRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutboundCallRefusedException(string host, IPAddress? address, OutboundAddressKind kind)
        : base(address is null
            ? $"{host} is not an allowed destination for provider calls."
            : $"{host} resolves to {address}, a {Describe(kind)} address; provider calls may only reach public addresses.")
    {
        Host = host;
        Address = address;
        Kind = kind;
    }

    public string? Host { get; }

    public IPAddress? Address { get; }

    /// <summary>Why the address was refused; <see cref="OutboundAddressKind.Public"/> when the scheme was the reason.</summary>
    public OutboundAddressKind Kind { get; }

    /// <summary>The refusal somewhere in <paramref name="exception"/>'s chain (HttpClient, Flurl and Duende each wrap it).</summary>
    public static OutboundCallRefusedException? FindIn(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is OutboundCallRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static string Describe(OutboundAddressKind kind) => kind switch
    {
        OutboundAddressKind.CarrierGradeNat => "carrier-grade NAT (100.64.0.0/10)",
        OutboundAddressKind.LinkLocal => "link-local",
        OutboundAddressKind.Metadata => "cloud metadata",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
