using Connector.Host.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Connector.Host.Webhooks;

internal static class WebhooksExtensions
{
    /// <summary>The admin API's webhooks, the outbox every user change writes to, and each instance's delivery loop.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.AddSingleton<WebhookStore>()
            .AddSingleton<WebhookSubscriptions>()
            .AddSingleton<DeliveryStore>()
            .AddSingleton<IDomainEventSink>(provider => provider.GetRequiredService<DeliveryStore>())
            .AddSingleton<WebhookSigningKeys>()
            .AddSingleton<WebhookDraftReader>()
            .AddSingleton<WebhookAdminService>()
            .AddSingleton<WebhookSender>()
            .AddSingleton<WebhookSignal>()
            .AddHostedService<WebhookListener>()
            .AddHostedService<WebhookDispatcher>()
            .AddHostedService<DeliveryLogCleanup>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app) => app.MapWebhooksApi();
}
