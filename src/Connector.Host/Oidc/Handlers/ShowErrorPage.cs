using System.Net;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Connector.Host.Oidc.Handlers;

/// <summary>
/// An authorization or end-session error that cannot go back to the app (unknown client, a redirect URI
/// that is not registered: RFC 6749 §4.1.2.1 forbids redirecting then) is shown to the user as an HTML
/// page, instead of OpenIddict's plain-text answer.
/// </summary>
internal sealed class ShowErrorPage<TContext> : IOpenIddictServerHandler<TContext>
    where TContext : BaseRequestContext
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
        .UseSingletonHandler<ShowErrorPage<TContext>>()
        .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessLocalErrorResponse<TContext>.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(TContext context)
    {
        var response = context.Transaction.Response;
        if (string.IsNullOrEmpty(response?.Error) || context.Transaction.GetHttpRequest()?.HttpContext is not { } http)
        {
            return;
        }

        var error = WebUtility.HtmlEncode(response.Error);
        var description = WebUtility.HtmlEncode(response.ErrorDescription ?? "The request could not be processed.");
        var traceId = WebUtility.HtmlEncode(http.TraceIdentifier);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign-in request refused</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="stylesheet" href="/assets/site.css">
            </head><body><main class="card">
            <h1>This sign-in request was refused</h1>
            <p>{{description}}</p>
            <p>Error <code>{{error}}</code> · trace <code>{{traceId}}</code></p>
            <p>The application that sent you here is not set up correctly. You were not redirected back to it.</p>
            </main></body></html>
            """, context.CancellationToken);
        context.HandleRequest();
    }
}
