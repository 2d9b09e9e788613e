using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Connector.Host.AdminApi;
using Connector.Host.Configuration;
using Connector.Host.Console;
using Connector.Host.Oidc;
using Connector.Host.SignIn;

namespace Connector.Host.Hardening;

/// <summary>
/// Which limit a request counts against, and for whom: one fixed window per surface and client address. OpenIddict
/// answers <c>/oidc/token</c> from its own middleware, before endpoint routing, so the limits are chosen by path in a
/// global limiter rather than by endpoint metadata.
/// </summary>
internal static class RateLimitPolicy
{
    public const string SignIn = "sign-in";
    public const string Callback = "callback";
    public const string Token = "token";
    public const string Admin = "admin";

    /// <summary>
    /// How many /64s of one /48 together get: a /48 is one site's allocation (RFC 6177), 65,536 /64s, and whoever holds
    /// one could otherwise rotate through them for a fresh limit each time.
    /// </summary>
    public const int SiteMultiplier = 8;

    /// <summary>A request counts against its address's (or /64's) window and, for IPv6, its /48's as well.</summary>
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions options) =>
        PartitionedRateLimiter.CreateChained(
            Partitioned(options, ClientKey, multiplier: 1),
            Partitioned(options, SiteKey, SiteMultiplier));

    private static PartitionedRateLimiter<HttpContext> Partitioned(RateLimitOptions options, Func<IPAddress?, string?> key, int multiplier) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var (name, limit) = For(context.Request.Path, options);
            if (limit is null || limit.IsOff || key(context.Connection.RemoteIpAddress) is not { } client)
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            return RateLimitPartition.GetFixedWindowLimiter(name + " " + client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit * multiplier,
                Window = TimeSpan.FromSeconds(limit.WindowSeconds),
                QueueLimit = 0,
            });
        });

    /// <summary>The limit a path falls under, if any.</summary>
    public static (string Name, WindowLimit? Limit) For(PathString path, RateLimitOptions options)
    {
        if (path.StartsWithSegments(SignInPaths.SignIn))
        {
            return (SignIn, options.SignIn);
        }

        if (path.StartsWithSegments(SignInPaths.CallbackPrefix))
        {
            return (Callback, options.Callback);
        }

        if (path.StartsWithSegments(OidcPaths.Token))
        {
            return (Token, options.Token);
        }

        // The console is the admin API's other face, and its key form must not be a place to guess keys.
        return path.StartsWithSegments(AdminApiPaths.Root) || path.StartsWithSegments(ConsolePaths.Root) ? (Admin, options.Admin) : (string.Empty, null);
    }

    /// <summary>
    /// The client's address; an IPv6 client by its /64, the block one subscriber gets (RFC 6177), so rotating through
    /// it buys nothing. Behind a reverse proxy this is the proxy unless it is listed in Connectors:ForwardedHeaders.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        return Prefix(address, 64);
    }

    /// <summary>An IPv6 client's /48; none for IPv4, whose address is already the key.</summary>
    public static string? SiteKey(IPAddress? address) =>
        address is { AddressFamily: AddressFamily.InterNetworkV6, IsIPv4MappedToIPv6: false } ? Prefix(address, 48) : null;

    private static string Prefix(IPAddress address, int bits)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, bits / 8, 16 - (bits / 8));
        return $"{new IPAddress(bytes)}/{bits}";
    }
}
