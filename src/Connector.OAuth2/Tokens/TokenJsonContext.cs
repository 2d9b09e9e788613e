using System.Text.Json.Serialization;

namespace Connector.OAuth2.Tokens;

/// <summary>Source-generated JSON for the assertions: no reflection on the token path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JwtAssertion.Header))]
[JsonSerializable(typeof(JwtAssertion.Claims))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
