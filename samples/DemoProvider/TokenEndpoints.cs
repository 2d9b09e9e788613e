using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DemoProvider;

public static class TokenEndpoints
{
    public static void MapDemoToken(this WebApplication app) =>
        app.MapPost("/token", Exchange).DisableAntiforgery();

    public static void MapDemoUserInfo(this WebApplication app) =>
        app.MapGet("/userinfo", (HttpRequest request, DemoGrants grants) =>
        {
            var header = request.Headers.Authorization.ToString();
            var user = header.StartsWith("Bearer ", StringComparison.Ordinal) ? grants.FindUser(header[7..]) : null;
            return user is null
                ? Results.Json(new { error = "invalid_token" }, statusCode: 401)
                : Results.Json(new
                {
                    sub = user.Id, name = user.Name, email = user.Email, email_verified = true,
                    picture = AvatarEndpoints.UrlFor(request, user.Id),
                });
        });

    private static IResult Exchange(HttpRequest request, IOptions<DemoOptions> options, DemoGrants grants)
    {
        var form = request.Form;
        var (clientId, clientSecret) = Credentials(request, form);
        if (clientId != options.Value.ClientId || clientSecret != options.Value.ClientSecret)
        {
            return Error("invalid_client", 401);
        }

        if (form["grant_type"] != "authorization_code" || grants.TakeCode(form["code"].ToString()) is not { } pending
            || pending.ClientId != clientId || pending.RedirectUri != form["redirect_uri"])
        {
            return Error("invalid_grant", 400);
        }

        // RFC 7636 §4.6: the verifier must hash to the challenge sent with the authorization request.
        if (pending.CodeChallenge is { } challenge
            && challenge != Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))))
        {
            return Error("invalid_grant", 400);
        }

        return Results.Json(new { access_token = grants.IssueToken(pending.User), token_type = "Bearer", expires_in = 3600 });
    }

    private static (string? Id, string? Secret) Credentials(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) && header.Scheme == "Basic" && header.Parameter is { } value)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(value)).Split(':', 2);
            return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0].Replace('+', ' ')), Uri.UnescapeDataString(pair[1].Replace('+', ' '))) : (null, null);
        }

        return (form["client_id"], form["client_secret"]);
    }

    private static IResult Error(string error, int status) => Results.Json(new { error }, statusCode: status);
}
