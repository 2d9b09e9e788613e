using System.Globalization;
using Connector.Host.Problems;

namespace Connector.Host.Users;

/// <summary>
/// One page of the user list, as asked for (a search, the last user of the previous page, a size) and checked: the
/// admin API's query string and the console's search form read the same way.
/// </summary>
internal sealed record UserListQuery(string? Search, Guid? After, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    public const int MaxSearchLength = 320;

    /// <summary>The query, or null with every problem in <paramref name="errors"/>.</summary>
    public static UserListQuery? Read(string? search, string? after, int? limit, FieldErrors errors)
    {
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", ErrorCodes.Field.OutOfRange, $"Must be between 1 and {MaxLimit}.");
        }

        Guid? afterId = null;
        if (after is { Length: > 0 })
        {
            if (Guid.TryParse(after, out var parsed))
            {
                afterId = parsed;
            }
            else
            {
                errors.Add("after", ErrorCodes.Field.InvalidId, "Must be the id of the last user of the previous page.");
            }
        }

        if (search?.Length > MaxSearchLength)
        {
            errors.Add("search", ErrorCodes.Field.TooLong, $"At most {MaxSearchLength} characters.");
        }

        var trimmed = search?.Trim();
        return errors.IsEmpty ? new UserListQuery(trimmed is { Length: > 0 } ? trimmed : null, afterId, limit ?? DefaultLimit) : null;
    }

    /// <summary>The query of the page after <paramref name="page"/>, or null when that page was the last (it was not full).</summary>
    public UserListQuery? Next(IReadOnlyList<UserAccount> page) => page.Count == Limit ? this with { After = page[^1].User.Id } : null;

    /// <summary>The query as a query string (<c>?limit=…&amp;after=…&amp;search=…</c>).</summary>
    public QueryString ToQueryString() => QueryString.Create([
        KeyValuePair.Create("limit", (string?)Limit.ToString(CultureInfo.InvariantCulture)),
        .. After is { } after ? [KeyValuePair.Create("after", (string?)after.ToString())] : Array.Empty<KeyValuePair<string, string?>>(),
        .. Search is { } text ? [KeyValuePair.Create("search", (string?)text)] : Array.Empty<KeyValuePair<string, string?>>(),
    ]);
}
