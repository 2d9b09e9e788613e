using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Apps;

/// <summary>
/// Logto's application types and how each maps onto OpenIddict's client and application types. The type is
/// not stored apart: it is read back from those two, so the two can never disagree.
/// </summary>
internal static class AppTypes
{
    /// <summary>A server-side web app (Auth.js, NextAuth): confidential, authenticates with its secret.</summary>
    public const string Traditional = "traditional";

    /// <summary>A browser app: public (RFC 6749 §2.1), no secret, PKCE always, CORS for its origins.</summary>
    public const string Spa = "spa";

    /// <summary>A mobile or desktop app: public, PKCE always, custom schemes and loopback on any port (RFC 8252).</summary>
    public const string Native = "native";

    public static readonly string[] All = [Traditional, Spa, Native];

    public static bool IsPublic(string type) => type != Traditional;

    public static string ClientTypeOf(string type) => IsPublic(type) ? ClientTypes.Public : ClientTypes.Confidential;

    public static string ApplicationTypeOf(string type) => type == Native ? ApplicationTypes.Native : ApplicationTypes.Web;

    public static string Of(string? clientType, string? applicationType) =>
        clientType != ClientTypes.Public ? Traditional
        : applicationType == ApplicationTypes.Native ? Native
        : Spa;
}
