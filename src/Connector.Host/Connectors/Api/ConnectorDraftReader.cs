using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connector.Host.AdminApi.Input;
using Connector.Host.Configuration;
using Connector.Host.Problems;
using Connector.Host.Security;
using Connector.OAuth2.Configuration;
using Microsoft.Extensions.Options;

namespace Connector.Host.Connectors.Api;

/// <summary>
/// Turns a connector document (a create body, or the result of a merge patch) into a <see cref="ConnectorDraft"/>,
/// collecting every problem first: unknown fields, wrong types, then the validators' rules.
/// </summary>
internal sealed class ConnectorDraftReader
{
    /// <summary>Fields the API returns; a document read back and sent again carries them, so they are ignored rather than refused.</summary>
    private static readonly string[] ReturnedFields = ["createdAt", "updatedAt", "callbackUri"];

    private static readonly JsonTypeInfo<CreateConnectorRequest> RequestType =
        (JsonTypeInfo<CreateConnectorRequest>)ConnectorJson.Options.GetTypeInfo(typeof(CreateConnectorRequest));

    private readonly ConnectorRequestValidator _requestValidator;
    private readonly OAuth2ConnectorConfigValidator _configValidator;
    private readonly EndpointAddressCheck _addresses;

    public ConnectorDraftReader(IOptions<ConnectorsOptions> options, EndpointAddressCheck addresses)
    {
        var allowInsecure = options.Value.AllowInsecureEndpoints;
        _requestValidator = new ConnectorRequestValidator(allowInsecure);
        _configValidator = new OAuth2ConnectorConfigValidator(allowInsecure);
        _addresses = addresses;
    }

    public async Task<ConnectorDraft?> ReadAsync(JsonObject document, FieldErrors errors, CancellationToken ct)
    {
        var body = document.DeepClone().AsObject();
        foreach (var field in ReturnedFields)
        {
            body.Remove(field);
        }

        if (body["config"] is JsonObject config)
        {
            ConnectorDocuments.RemoveAnswerFields(config);
        }

        var request = JsonShape.Check(body, RequestType, "", errors).Deserialize(RequestType)!;
        errors.AddRange(_requestValidator.Validate(request));
        if (request.Config is not null)
        {
            errors.AddRange(_configValidator.Validate(request.Config), "config");
            await _addresses.CheckAsync(request.Config, errors, "config", ct);
        }

        return errors.IsEmpty
            ? new ConnectorDraft(request.Id, request.Name!, request.LogoUrl, request.LogoDarkUrl, request.DisplayNames ?? new Dictionary<string, string>(),
                request.Enabled ?? true, request.Config!, Settings(request))
            : null;
    }

    private static ConnectorSettings Settings(CreateConnectorRequest request)
    {
        var defaults = new ConnectorSettings();
        return new ConnectorSettings
        {
            SyncProfile = request.SyncProfile ?? defaults.SyncProfile,
            TrustEmail = request.TrustEmail ?? defaults.TrustEmail,
            AccountLinking = request.AccountLinking ?? defaults.AccountLinking,
            AllowSignUp = request.AllowSignUp ?? defaults.AllowSignUp,
            // Domains compare case-insensitively; stored as written once lowered, so the API shows what is compared.
            AllowedEmailDomains = [.. (request.AllowedEmailDomains ?? defaults.AllowedEmailDomains).Select(domain => domain.ToLowerInvariant())],
            EnableTokenStorage = request.EnableTokenStorage ?? defaults.EnableTokenStorage,
        };
    }
}
