using Connector.Host.Pages;
using Microsoft.AspNetCore;
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

        // The page kit's error page, with OpenIddict's OAuth error code (RFC 6749 §4.1.2.1) as its code and its
        // description (English, for whoever registered the app) as the detail line.
        await HtmlPages.ErrorWithDetail(http.Response.StatusCode, response.Error, "errors.requestRefused.title", "errors.requestRefused.message",
            response.ErrorDescription).ExecuteAsync(http);
        context.HandleRequest();
    }
}
