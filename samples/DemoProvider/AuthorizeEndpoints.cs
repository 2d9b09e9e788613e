using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DemoProvider;

public static class AuthorizeEndpoints
{
    public static void MapDemoAuthorize(this WebApplication app)
    {
        app.MapGet("/authorize", ShowLoginForm);
        app.MapPost("/authorize", SignIn).DisableAntiforgery();
    }

    private static IResult ShowLoginForm(HttpRequest request, IOptions<DemoOptions> options)
    {
        var query = request.Query;
        if (Check(query["client_id"], query["redirect_uri"], query["response_type"], options.Value) is { } problem)
        {
            return Results.BadRequest(problem);
        }

        var hidden = new StringBuilder();
        foreach (var name in new[] { "client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method" })
        {
            hidden.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<input type="hidden" name="{name}" value="{WebUtility.HtmlEncode(query[name].ToString())}">""");
        }

        return Results.Content($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Demo provider — sign in</title>
            <style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}
            label{display:block;margin:1rem 0 .25rem}input[type=text],input[type=email]{width:100%;padding:.5rem;font-size:1rem}
            button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem;background:#0b57d0;color:#fff;border:0;border-radius:4px}</style>
            </head><body><main>
            <h1>Demo provider</h1><p>Any name signs in. Nothing here is checked.</p>
            <form method="post" action="/authorize">{{hidden}}
            <label for="name">Your name</label><input id="name" name="name" type="text" required autofocus value="Ada Lovelace">
            <label for="email">Email (optional)</label><input id="email" name="email" type="email">
            <button type="submit">Sign in</button></form></main></body></html>
            """, "text/html; charset=utf-8");
    }

    private static IResult SignIn(HttpRequest request, IOptions<DemoOptions> options, DemoGrants grants)
    {
        var form = request.Form;
        string clientId = form["client_id"].ToString(), redirectUri = form["redirect_uri"].ToString(), name = form["name"].ToString().Trim();
        var problem = Check(clientId, redirectUri, "code", options.Value) ?? (name.Length == 0 ? "A name is required." : null);
        if (problem is not null)
        {
            return Results.BadRequest(problem);
        }

        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.ToUpperInvariant())))[..16];
        var email = form["email"].ToString() is { Length: > 0 } given ? given : $"{id}@demo.example";
        var challenge = form["code_challenge"].ToString();
        var code = grants.IssueCode(new PendingCode(clientId, redirectUri, challenge.Length > 0 ? challenge : null, new DemoUser(id, name, email)));
        var separator = redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{redirectUri}{separator}code={code}&state={Uri.EscapeDataString(form["state"].ToString())}");
    }

    private static string? Check(string? clientId, string? redirectUri, string? responseType, DemoOptions options)
    {
        if (clientId != options.ClientId)
        {
            return "Unknown client_id.";
        }

        if (responseType != "code")
        {
            return "Only response_type=code is supported.";
        }

        var registered = options.RedirectUris.Count == 0 || options.RedirectUris.Contains(redirectUri ?? "");
        return Uri.TryCreate(redirectUri, UriKind.Absolute, out _) && registered ? null : "redirect_uri is not registered.";
    }
}
