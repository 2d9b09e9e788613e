using Connector.Host.Pages;

namespace Connector.Host.SignIn;

internal static class SignInExtensions
{
    /// <summary>The end user's pages and the authorization-code flow against the connectors, with the operator's dry run.</summary>
    public static IServiceCollection AddEndUserSignIn(this IServiceCollection services)
    {
        services.AddBrowserPaths(SignInPaths.SignIn, SignInPaths.CallbackPrefix, SignInPaths.Account, SignInPaths.SignOut);
        services.AddSingleton<SignInStateStore>();
        services.AddSingleton<ReturnUrlPolicy>();
        services.AddSingleton<PendingStateCeiling>();
        services.AddSingleton<SignInStarter>();
        services.AddSingleton<SignInCallback>();
        services.AddSingleton<DryRunPage>();
        services.AddHostedService<SignInStateCleanup>();
        return services;
    }

    public static IEndpointRouteBuilder MapEndUserSignIn(this IEndpointRouteBuilder app) => app.MapSignIn().MapDryRunApi();
}
