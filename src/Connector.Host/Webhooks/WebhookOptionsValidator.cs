using Microsoft.Extensions.Options;

namespace Connector.Host.Webhooks;

/// <summary>Checks <c>Connectors:Webhooks</c> at start-up, naming each bad key.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (options.TimeoutSeconds is < 1 or > 60)
        {
            failures.Add($"{WebhookOptions.Section}:TimeoutSeconds must be between 1 and 60 (got {options.TimeoutSeconds})");
        }

        if (options.MaxAttempts is < 1 or > 50)
        {
            failures.Add($"{WebhookOptions.Section}:MaxAttempts must be between 1 and 50 (got {options.MaxAttempts})");
        }

        if (options.DeliveryLogDays is < 1 or > 3650)
        {
            failures.Add($"{WebhookOptions.Section}:DeliveryLogDays must be between 1 and 3650 (got {options.DeliveryLogDays})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
