using Connector.Host.Connectors;
using Connector.Host.Connectors.Api;
using Connector.Host.Connectors.Presets;
using Connector.Host.Console.Kit;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.OAuth2.Configuration;

namespace Connector.Host.Console.Connectors;

/// <summary>
/// The connector form, as data: every field of <c>POST /api/connectors</c> that an operator sets (the config with
/// Logto's field names, <c>docs/connectors.md</c>), grouped, each with its help. The same list renders the form and
/// reads it back, so a field cannot be shown and then forgotten. Left out: <c>responseType</c> and <c>grantType</c>,
/// which accept one value each (<c>code</c>, <c>authorization_code</c>) and keep it.
/// </summary>
internal static class ConnectorForm
{
    /// <summary>The discovery box's issuer: part of the page, never of the connector document.</summary>
    public const string IssuerField = "issuer";

    private static ConnectorField Url(string path, string help, bool required = true) =>
        new(path, FormFieldKind.Text, help) { Type = "url", Required = required };

    private static readonly IReadOnlyList<FieldOption> AuthMethods = [.. TokenEndpointAuthMethods.All.Select(method => new FieldOption(method))];

    private static readonly IReadOnlyList<FieldOption> JwtAlgorithms = [.. ClientSecretJwtAlgorithms.All.Select(algorithm => new FieldOption(algorithm))];

    private static readonly IReadOnlyList<FieldOption> ResponseModeOptions = [.. ResponseModes.All.Select(mode => new FieldOption(mode))];

    /// <summary>The blank choice means "no key": with every other member of the key left empty, the key is removed.</summary>
    private static readonly IReadOnlyList<FieldOption> AssertionAlgorithms =
        [new("", "console.connectors.option.noKey"), .. ClientAssertionAlgorithms.All.Select(algorithm => new FieldOption(algorithm))];

    private const string KeyKept = "console.connectors.help.privateKeyKept";

    /// <summary>The config objects made of several fields that are absent unless one of them is filled in.</summary>
    private static readonly string[] OptionalObjects =
        [$"config.{ConnectorDocuments.ClientAssertionKeyField}", $"config.{ConnectorDocuments.SignedClientSecretField}"];

    public static readonly IReadOnlyList<ConnectorFieldSet> All =
    [
        new("connector", "console.connectors.group.connector",
        [
            new("name", FormFieldKind.Text, "console.connectors.help.name") { Required = true },
            new("id", FormFieldKind.Text, "console.connectors.help.id") { CreateOnly = true },
            Url("logoUrl", "console.connectors.help.logoUrl", required: false),
            Url("logoDarkUrl", "console.connectors.help.logoDarkUrl", required: false),
            new("displayNames", FormFieldKind.Json, "console.connectors.help.displayNames"),
            new("enabled", FormFieldKind.Flag, "console.connectors.help.enabled") { CreateOnly = true },
        ]),
        new("endpoints", "console.connectors.group.endpoints",
        [
            Url("config.authorizationEndpoint", "console.connectors.help.authorizationEndpoint"),
            Url("config.tokenEndpoint", "console.connectors.help.tokenEndpoint"),
            Url("config.userInfoEndpoint", "console.connectors.help.userInfoEndpoint"),
            new("config.scope", FormFieldKind.Text, "console.connectors.help.scope"),
            new("config.responseMode", FormFieldKind.Text, "console.connectors.help.responseMode") { Options = ResponseModeOptions },
        ]),
        new("client", "console.connectors.group.client",
        [
            new("config.clientId", FormFieldKind.Text, "console.connectors.help.clientId") { Required = true },
            // Not needed with private_key_jwt or a signed client secret: the service says when it is missing.
            new("config.clientSecret", FormFieldKind.Secret, "console.connectors.help.clientSecret"),
            new("config.tokenEndpointAuthMethod", FormFieldKind.Text, "console.connectors.help.tokenEndpointAuthMethod") { Options = AuthMethods },
            new("config.clientSecretJwtSigningAlgorithm", FormFieldKind.Text, "console.connectors.help.clientSecretJwtSigningAlgorithm") { Options = JwtAlgorithms },
            new("config.tokenEndpointResponseType", FormFieldKind.Text, "console.connectors.help.tokenEndpointResponseType")
            {
                Options = [new("", "console.connectors.option.detect"), new(TokenResponseTypes.Json), new(TokenResponseTypes.QueryString)],
            },
            new("config.pkce", FormFieldKind.Flag, "console.connectors.help.pkce"),
        ]),
        new("keys", "console.connectors.group.keys",
        [
            new("config.clientAssertionKey.algorithm", FormFieldKind.Text, "console.connectors.help.clientAssertionKeyAlgorithm") { Options = AssertionAlgorithms },
            new("config.clientAssertionKey.keyId", FormFieldKind.Text, "console.connectors.help.clientAssertionKeyKeyId"),
            new("config.clientAssertionKey.privateKey", FormFieldKind.Secret, "console.connectors.help.clientAssertionKeyPrivateKey")
            {
                Multiline = true, KeptHelpKey = KeyKept,
            },
            new("config.signedClientSecret.keyId", FormFieldKind.Text, "console.connectors.help.signedClientSecretKeyId"),
            new("config.signedClientSecret.issuer", FormFieldKind.Text, "console.connectors.help.signedClientSecretIssuer"),
            new("config.signedClientSecret.audience", FormFieldKind.Text, "console.connectors.help.signedClientSecretAudience"),
            new("config.signedClientSecret.lifetimeSeconds", FormFieldKind.Number, "console.connectors.help.signedClientSecretLifetimeSeconds")
            {
                Type = "number",
            },
            new("config.signedClientSecret.privateKey", FormFieldKind.Secret, "console.connectors.help.signedClientSecretPrivateKey")
            {
                Multiline = true, KeptHelpKey = KeyKept,
            },
        ]),
        new("profileMap", "console.connectors.group.profileMap",
        [
            new("config.profileMap.id", FormFieldKind.Text, "console.connectors.help.profileMapId"),
            new("config.profileMap.name", FormFieldKind.Text, "console.connectors.help.profileMapName"),
            new("config.profileMap.avatar", FormFieldKind.Text, "console.connectors.help.profileMapAvatar"),
            new("config.profileMap.email", FormFieldKind.Text, "console.connectors.help.profileMapEmail"),
            new("config.profileMap.phone", FormFieldKind.Text, "console.connectors.help.profileMapPhone"),
            new("config.profileMap.emailVerified", FormFieldKind.Text, "console.connectors.help.profileMapEmailVerified"),
        ]),
        new("parameters", "console.connectors.group.parameters",
        [
            new("config.customConfig", FormFieldKind.Json, "console.connectors.help.customConfig"),
            new("config.authorizationParams", FormFieldKind.Json, "console.connectors.help.authorizationParams"),
            new("config.tokenParams", FormFieldKind.Json, "console.connectors.help.tokenParams"),
            new("config.userInfoMethod", FormFieldKind.Text, "console.connectors.help.userInfoMethod") { Options = [new("GET"), new("POST")] },
            new("config.userInfoHeaders", FormFieldKind.Json, "console.connectors.help.userInfoHeaders"),
            new("config.emailLookup", FormFieldKind.Json, "console.connectors.help.emailLookup"),
            new("config.idTokenVerificationConfig", FormFieldKind.Json, "console.connectors.help.idTokenVerificationConfig"),
        ]),
        new("rules", "console.connectors.group.rules",
        [
            new("syncProfile", FormFieldKind.Flag, "console.connectors.help.syncProfile"),
            new("trustEmail", FormFieldKind.Flag, "console.connectors.help.trustEmail"),
            new("accountLinking", FormFieldKind.Text, "console.connectors.help.accountLinking")
            {
                Options = [new(AccountLinkingModes.None, "console.connectors.option.linkNone"), new(AccountLinkingModes.VerifiedEmail)],
            },
            new("allowSignUp", FormFieldKind.Flag, "console.connectors.help.allowSignUp"),
            new("allowedEmailDomains", FormFieldKind.Lines, "console.connectors.help.allowedEmailDomains"),
            new("enableTokenStorage", FormFieldKind.Flag, "console.connectors.help.enableTokenStorage"),
        ]),
    ];

    /// <summary>The create form: every field.</summary>
    public static IReadOnlyList<ConnectorFieldSet> Create => All;

    /// <summary>The edit form: the id is fixed and enabling has its own buttons.</summary>
    public static readonly IReadOnlyList<ConnectorFieldSet> Edit =
        [.. All.Select(set => set with { Fields = [.. set.Fields.Where(field => !field.CreateOnly)] })];

    /// <summary>
    /// The short form of a preset: the values it needs (a domain, a realm: <see cref="PresetParameterValues"/>) and the
    /// app's credentials; the preset gives the rest.
    /// </summary>
    public static IReadOnlyList<ConnectorFieldSet> PresetFor(PresetView preset) =>
    [
        new("preset", "console.connectors.group.preset",
        [
            new("name", FormFieldKind.Text, "console.connectors.help.name") { Required = true },
            new("id", FormFieldKind.Text, "console.connectors.help.presetId"),
            .. preset.Parameters.Select(name =>
                new ConnectorField($"{PresetParameterValues.Field}.{name}", FormFieldKind.Text, ParameterHelp[name]) { Required = true }),
            new("config.clientId", FormFieldKind.Text, "console.connectors.help.clientId") { Required = true },
            new("config.clientSecret", FormFieldKind.Secret, "console.connectors.help.clientSecret") { Required = true },
        ]),
    ];

    /// <summary>The help of each parameter a preset may declare (a test checks every preset's parameters are here).</summary>
    public static readonly IReadOnlyDictionary<string, string> ParameterHelp = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["domain"] = "console.connectors.help.presetDomain",
        ["realm"] = "console.connectors.help.presetRealm",
        ["tenant"] = "console.connectors.help.presetTenant",
    };

    /// <summary>The edit form's answer to a provider change (<see cref="ProviderChange"/>): not a field of the connector, but of the patch.</summary>
    public static readonly FormField ConfirmProviderChange = new(ProviderChange.ConfirmationField, FormFieldKind.Flag);

    /// <summary>What a form of <paramref name="sets"/> sends, as the kit reads it.</summary>
    public static IReadOnlyList<FormField> FieldsOf(IEnumerable<ConnectorFieldSet> sets) =>
        [.. sets.SelectMany(set => set.Fields).Select(field => new FormField(field.Path, field.Kind))];

    /// <summary>The fields whose value is a JSON object typed as text.</summary>
    public static readonly IReadOnlyList<string> JsonPaths =
        [.. All.SelectMany(set => set.Fields).Where(field => field.Kind == FormFieldKind.Json).Select(field => field.Path)];

    /// <summary>
    /// Drops a key object whose fields were all left empty (<c>{"keyId": null, …}</c>): it means "no such key", not a key
    /// with empty members. In a merge patch the object becomes <c>null</c>, which removes a stored one.
    /// </summary>
    public static JsonObject WithoutEmptyKeys(JsonObject document)
    {
        foreach (var path in OptionalObjects)
        {
            var names = path.Split('.');
            if (document[names[0]] is JsonObject config && config[names[1]] is JsonObject key && key.All(member => member.Value is null))
            {
                config[names[1]] = null;
            }
        }

        return document;
    }

    /// <summary>The form paths of the secrets a stored connector has, so each empty secret field says it keeps one.</summary>
    public static IReadOnlySet<string> StoredSecrets(ConnectorRow row)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        if (row.ClientSecretProtected.Length > 0)
        {
            stored.Add($"config.{ConnectorDocuments.ClientSecretField}");
        }

        if (row.SignedClientSecretKeyProtected is not null)
        {
            stored.Add($"config.{ConnectorSecrets.SignedClientSecretKeyField}");
        }

        if (row.ClientAssertionKeyProtected is not null)
        {
            stored.Add($"config.{ConnectorSecrets.ClientAssertionKeyField}");
        }

        return stored;
    }

    /// <summary>The public JWK of the connector's assertion key, indented for copying; null without one.</summary>
    public static string? PublicJwkText(ConnectorRow row) =>
        row.ClientAssertionPublicJwk is { } jwk ? JsonNode.Parse(jwk)!.ToJsonString(Indented) : null;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A new connector's form: the defaults of the engine's config and of the settings, enabled.</summary>
    public static FormValues Defaults()
    {
        var document = ConnectorDocuments.SettingsFields(new ConnectorSettings());
        document["enabled"] = true;
        document["config"] = ConnectorDocuments.StoredConfig(new OAuth2ConnectorConfig());
        return FormValues.From(document, JsonPaths);
    }
}
