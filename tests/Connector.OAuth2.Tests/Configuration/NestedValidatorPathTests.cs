using Connector.OAuth2.Configuration;
using FluentValidation;

namespace Connector.OAuth2.Tests.Configuration;

public sealed class NestedValidatorPathTests
{
    [Fact]
    public void NestedValidator_PrefixesEveryFieldPathWithTheParent()
    {
        var validator = new Envelope.Validator();
        var config = new OAuth2ConnectorConfig
        {
            AuthorizationEndpoint = "http://example.com/authorize",
            CustomConfig = new Dictionary<string, string> { ["state"] = "x" },
        };

        var paths = validator.Validate(new Envelope(config)).Errors.Select(e => e.PropertyName).ToHashSet();

        Assert.Contains("config.authorizationEndpoint", paths);
        Assert.Contains("config.tokenEndpoint", paths);
        Assert.Contains("config.clientId", paths);
        Assert.Contains("config.customConfig.state", paths);
        Assert.All(paths, p => Assert.StartsWith("config.", p, StringComparison.Ordinal));
    }

    private sealed record Envelope(OAuth2ConnectorConfig Config)
    {
        public sealed class Validator : AbstractValidator<Envelope>
        {
            public Validator() =>
                RuleFor(x => x.Config).SetValidator(new OAuth2ConnectorConfigValidator(allowInsecureEndpoints: false)).OverridePropertyName("config");
        }
    }
}
