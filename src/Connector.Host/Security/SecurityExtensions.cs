using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Connector.Host.Security;

internal static class SecurityExtensions
{
    public static IServiceCollection AddConnectorsSecurity(this IServiceCollection services)
    {
        services.AddSingleton<AdminKeyRing>();
        // Not the default scheme: only the admin policy asks for it, so an app's bearer token at /oidc/me is not
        // taken for a wrong admin key (and logged as one).
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(AdminKeyDefaults.Scheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminKeyDefaults.Policy, policy => policy.AddAuthenticationSchemes(AdminKeyDefaults.Scheme).RequireAuthenticatedUser());

        // One application name, so every instance derives the same keys from the shared ring.
        services.AddDataProtection().SetApplicationName("Connectors");
        services.AddSingleton<PostgresXmlRepository>();
        services.AddSingleton<KeyRingCertificate>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<PostgresXmlRepository, KeyRingCertificate, ILoggerFactory>((options, repository, keyRing, loggers) =>
            {
                options.XmlRepository = repository;
                if (keyRing.Certificate is { } certificate)
                {
                    options.XmlEncryptor = new KeyRingXmlEncryptor(new CertificateXmlEncryptor(certificate, loggers));
                }
            });

        services.AddSingleton<DataProtectionKeyBootstrap>();
        services.AddSingleton<ClientSecretProtector>();
        // The save-time check that a provider endpoint does not resolve to a private or metadata address.
        services.AddSingleton<EndpointAddressCheck>();
        return services;
    }
}
