namespace Connector.Host.Tests.Oidc;

/// <summary>A client app registered through <c>POST /api/apps</c>, with the secret that answer showed once.</summary>
public sealed record OidcApp(string Id, string ClientId, string ClientSecret, string RedirectUri);
