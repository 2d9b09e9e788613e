using System.Text.RegularExpressions;

namespace Connector.Host.Console.Applications;

/// <summary>
/// The integration guide's code: the blocks of Logto's Auth.js guide as the README quotes them (the Auth.js v5
/// <c>auth.ts</c> and route handler, the NextAuth v4 provider block; <c>samples/nextjs-bookstore*</c> and
/// <c>tests/nextjs-apps</c> prove they work), with the guide's placeholders replaced by this app's values. Code is
/// never translated; the secret, shown only once, stays a placeholder that says where it is.
/// </summary>
internal static partial class IntegrationGuide
{
    /// <summary>The guide's provider id, when the redirect URIs name none.</summary>
    public const string DefaultProviderId = "logto";

    public const string SecretPlaceholder = "<App secret, shown once in the console when the app was created or its secret rotated>";

    // The guide's placeholders, as the README has them.
    private const string GuideProviderId = "id: 'logto'";
    private const string GuideIssuer = "'https://xxxx.logto.app/oidc'";
    private const string GuideWellKnown = "'https://xxxx.logto.app/oidc/.well-known/openid-configuration'";
    private const string GuideClientId = "'<logto-app-id>'";
    private const string GuideClientSecret = "'<logto-app-secret>'";

    private const string AuthTsTemplate = """
        import NextAuth from 'next-auth';

        export const { handlers, signIn, signOut, auth } = NextAuth({
          providers: [
            {
              id: 'logto',
              name: 'Logto',
              type: 'oidc',
              // You can get the issuer value from the Logto Application Details page,
              // in the field "Issuer endpoint"
              issuer: 'https://xxxx.logto.app/oidc',
              clientId: '<logto-app-id>',
              clientSecret: '<logto-app-secret>',
              authorization: {
                params: { scope: 'openid offline_access profile email' },
              },
              profile(profile) {
                // You can customize the user profile mapping here
                return {
                  id: profile.sub,
                  name: profile.name ?? profile.username,
                  email: profile.email,
                  image: profile.picture,
                };
              },
            },
          ],
        });
        """;

    private const string RouteTsTemplate = """
        import { handlers } from '@/auth';
        export const { GET, POST } = handlers;
        """;

    private const string NextAuthV4Template = """
        import NextAuth from 'next-auth';

        const handler = NextAuth({
          providers: [
            {
              id: 'logto',
              name: 'Logto',
              type: 'oauth',
              // You can get the well-known URL from the Logto Application Details page,
              // in the field "OpenID Provider configuration endpoint"
              wellKnown: 'https://xxxx.logto.app/oidc/.well-known/openid-configuration',
              authorization: { params: { scope: 'openid offline_access profile email' } },
              clientId: '<logto-app-id>',
              clientSecret: '<logto-app-secret>',
              client: {
                id_token_signed_response_alg: 'ES384',
              },
              profile(profile) {
                // You can customize the user profile mapping here
                return {
                  id: profile.sub,
                  name: profile.name ?? profile.username,
                  email: profile.email,
                  image: profile.picture,
                };
              },
            },
          ],
        });

        export { handler as GET, handler as POST };
        """;

    public static IntegrationGuideView For(AppView app)
    {
        var providerId = ProviderIdOf(app.RedirectUris);
        return new IntegrationGuideView(
            providerId,
            Fill(AuthTsTemplate, app, providerId),
            RouteTsTemplate,
            Fill(NextAuthV4Template, app, providerId));
    }

    /// <summary>
    /// The provider id Auth.js calls back with: the last segment of the first redirect URI ending in
    /// <c>/api/auth/callback/{id}</c> (Auth.js's callback route), when it is a plain id; the guide's otherwise.
    /// </summary>
    public static string ProviderIdOf(IEnumerable<string> redirectUris) =>
        redirectUris.Select(uri => Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? CallbackPath().Match(parsed.AbsolutePath) : Match.Empty)
            .FirstOrDefault(match => match.Success)?.Groups[1].Value ?? DefaultProviderId;

    private static string Fill(string template, AppView app, string providerId) => template
        .Replace(GuideProviderId, $"id: {Quoted(providerId)}", StringComparison.Ordinal)
        .Replace(GuideWellKnown, Quoted(app.OpenidConfiguration), StringComparison.Ordinal)
        .Replace(GuideIssuer, Quoted(app.Issuer), StringComparison.Ordinal)
        .Replace(GuideClientId, Quoted(app.ClientId), StringComparison.Ordinal)
        .Replace(GuideClientSecret, Quoted(SecretPlaceholder), StringComparison.Ordinal);

    /// <summary>A JavaScript string literal in the guide's single quotes.</summary>
    private static string Quoted(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    [GeneratedRegex("/api/auth/callback/([A-Za-z0-9_-]+)$")]
    private static partial Regex CallbackPath();
}
