using System.Globalization;
using Connector.Host.Problems;

namespace Connector.Host.Audit;

/// <summary>
/// One page of the audit trail, as asked for and checked: the events of an action, an actor, a target and an outcome
/// (each exact, each optional), at or after <see cref="From"/> and before <see cref="To"/>, older than the event
/// <see cref="Before"/>. The admin API's query string and the console's filter form read the same way.
/// </summary>
internal sealed record AuditQuery(string? Action, string? Actor, string? Target, string? Outcome, DateTimeOffset? From, DateTimeOffset? To, long? Before, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    public const int MaxValueLength = 200;

    /// <summary>A filter's time: a UTC day or a moment in ISO 8601; without an offset it is UTC.</summary>
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Every event, newest first, a page of <paramref name="limit"/>.</summary>
    public static AuditQuery All(int limit = DefaultLimit) => new(null, null, null, null, null, null, null, limit);

    /// <summary>The query, or null with every problem in <paramref name="errors"/>, keyed by parameter name.</summary>
    public static AuditQuery? Read(
        string? action, string? actor, string? target, string? outcome, string? from, string? to, string? before, int? limit, FieldErrors errors)
    {
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", ErrorCodes.Field.OutOfRange, $"Must be between 1 and {MaxLimit}.");
        }

        long? beforeId = null;
        if (before is { Length: > 0 })
        {
            if (long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1)
            {
                beforeId = id;
            }
            else
            {
                errors.Add("before", ErrorCodes.Field.OutOfRange, "Must be an event id (1 or more).");
            }
        }

        var query = new AuditQuery(
            Exact("action", action, errors), Exact("actor", actor, errors), Exact("target", target, errors), Exact("outcome", outcome, errors),
            Time("from", from, errors), Time("to", to, errors), beforeId, limit ?? DefaultLimit);
        if (query is { From: { } start, To: { } end } && end <= start)
        {
            errors.Add("to", ErrorCodes.Field.OutOfRange, "Must be later than from.");
        }

        return errors.IsEmpty ? query : null;
    }

    /// <summary>The query of the page after <paramref name="page"/>, or null when that page was the last (it was not full).</summary>
    public AuditQuery? Next(IReadOnlyList<AuditRow> page) => page.Count == Limit ? this with { Before = page[^1].Id } : null;

    /// <summary>The filters (not the page) as query parameters, in the form <see cref="Read"/> takes them; times as UTC ISO 8601.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Filters()
    {
        (string Name, string? Value)[] filters =
        [
            ("action", Action), ("actor", Actor), ("target", Target), ("outcome", Outcome),
            ("from", From is { } start ? Format(start) : null), ("to", To is { } end ? Format(end) : null),
        ];
        return filters.Where(filter => filter.Value is not null).Select(filter => KeyValuePair.Create(filter.Name, filter.Value));
    }

    /// <summary>Whether any filter narrows the trail.</summary>
    public bool IsFiltered => Filters().Any();

    /// <summary>A time as the filters write it: UTC, to the second, <c>2025-04-12T10:00:00Z</c>.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Exact(string name, string? value, FieldErrors errors)
    {
        var trimmed = value?.Trim();
        if (trimmed?.Length > MaxValueLength)
        {
            errors.Add(name, ErrorCodes.Field.TooLong, $"At most {MaxValueLength} characters.");
            return null;
        }

        return trimmed is { Length: > 0 } ? trimmed : null;
    }

    private static DateTimeOffset? Time(string name, string? value, FieldErrors errors)
    {
        var trimmed = value?.Trim();
        if (trimmed is not { Length: > 0 })
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors.Add(name, ErrorCodes.Field.InvalidParameter, "Must be a UTC time in ISO 8601, such as 2025-04-12 or 2025-04-12T10:00:00Z.");
        return null;
    }
}
