using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
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

        // One application name, so every instance derives the same keys from the shared ring. New keys are for
        // AES-256-GCM: one authenticated cipher where the default pairs AES-CBC with an HMAC, at about half the CPU per
        // protect and unprotect on Linux (the session ticket, PKCE verifier and antiforgery tokens of every sign-in,
        // docs/benchmarks/round-two-profile.md). Each key keeps the algorithm it was made with, so a ring made before
        // still reads what it protected, and its keys are followed by GCM ones at their rotation.
        services.AddDataProtection().SetApplicationName("Connectors")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM });
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
