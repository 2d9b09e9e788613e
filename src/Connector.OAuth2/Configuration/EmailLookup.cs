namespace Connector.OAuth2.Configuration;

/// <summary>
/// Where to find the email when the userinfo answer has none: an endpoint, called like userinfo, that
/// answers a JSON array of addresses (GitHub's <c>GET /user/emails</c>: <c>[{email, primary, verified}]</c>).
/// The primary verified address wins, then any verified one; an unverified address is never taken.
/// </summary>
public sealed record EmailLookup
{
    public string Endpoint { get; init; } = "";
    public string EmailPath { get; init; } = "email";
    public string PrimaryPath { get; init; } = "primary";
    public string VerifiedPath { get; init; } = "verified";
}
