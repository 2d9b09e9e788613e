using Connector.Host.Sessions;

namespace Connector.Host.SignIn;

internal static class SignInExtensions
{
    public static IServiceCollection AddEndUserSignIn(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddAntiforgery(options => options.Cookie.Name = "connectors.antiforgery");
        services.AddEndUserSessions();
        services.AddSingleton<SignInStateStore>();
        services.AddSingleton<IdentityStore>();
        services.AddSingleton<AccountReader>();
        services.AddSingleton<ReturnUrlPolicy>();
        services.AddSingleton<SignInStarter>();
        services.AddSingleton<SignInCallback>();
        services.AddSingleton<DryRunPage>();
        services.AddHostedService<SignInStateCleanup>();
        return services;
    }
}
