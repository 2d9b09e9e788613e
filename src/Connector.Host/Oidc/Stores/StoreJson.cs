using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Connector.Host.Oidc.Stores;

/// <summary>The JSON text of the list and map columns, read and written the same way by every store.</summary>
internal static class StoreJson
{
    public static ImmutableArray<string> ReadArray(string json) =>
        [.. JsonSerializer.Deserialize<string[]>(json) ?? []];

    public static string WriteArray(ImmutableArray<string> values) =>
        JsonSerializer.Serialize(values.IsDefault ? [] : values.ToArray());

    public static ImmutableDictionary<string, JsonElement> ReadProperties(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? []).ToImmutableDictionary(StringComparer.Ordinal);

    public static string WriteProperties(ImmutableDictionary<string, JsonElement> properties) =>
        JsonSerializer.Serialize(properties ?? ImmutableDictionary<string, JsonElement>.Empty);

    public static ImmutableDictionary<string, string> ReadSettings(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []).ToImmutableDictionary(StringComparer.Ordinal);

    public static string WriteSettings(ImmutableDictionary<string, string> settings) =>
        JsonSerializer.Serialize(settings ?? ImmutableDictionary<string, string>.Empty);

    /// <summary>Localized names and descriptions, keyed by culture name.</summary>
    public static ImmutableDictionary<CultureInfo, string> ReadLocalized(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
            .ToImmutableDictionary(pair => CultureInfo.GetCultureInfo(pair.Key), pair => pair.Value);

    public static string WriteLocalized(ImmutableDictionary<CultureInfo, string> values) =>
        JsonSerializer.Serialize((values ?? ImmutableDictionary<CultureInfo, string>.Empty).ToDictionary(pair => pair.Key.Name, pair => pair.Value));

    public static Guid? ParseId(string? identifier) =>
        Guid.TryParse(identifier, out var id) ? id : null;

    public static DateTimeOffset? ToOffset(DateTime? value) =>
        value is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null;

    public static DateTime? ToUtc(DateTimeOffset? value) => value?.UtcDateTime;

    public static NotSupportedException NoQueryable() =>
        new("The Dapper stores answer OpenIddict's finder methods only; LINQ queries over IQueryable are not supported (OpenIddict's server never uses them).");
}
