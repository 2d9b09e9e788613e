using System.Net.Http.Headers;

namespace Connector.Bench;

/// <summary>
/// The operator finding a user among many: seeds users (each with an identity) straight into the host's database
/// with one SQL statement, then times <c>GET /api/users</c> — the first page, a page deep in the list, and searches
/// by email, by name prefix and by subject — one request at a time, as an operator would.
/// </summary>
internal sealed class UserSearchScenario(string hostUrl, string adminKey, string database) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(hostUrl) };

    // ids made from the sequence, UUIDv7-shaped and increasing like real ones (newest = highest).
    private const string SeedSql = """
        INSERT INTO users (id, name, email, email_verified, created_at, updated_at)
        SELECT (lpad(to_hex(i), 12, '0') || '7000' || '8000' || lpad(to_hex(i), 12, '0'))::uuid,
               'Seeded User ' || i, 'seeded.user' || i || '@bench.example', true, now(), now()
        FROM generate_series(1, @Count) AS i;
        INSERT INTO user_identities (user_id, connector_id, generation, subject, profile, raw_profile, created_at, updated_at)
        SELECT (lpad(to_hex(i), 12, '0') || '7000' || '8000' || lpad(to_hex(i), 12, '0'))::uuid, 'seeded', gen_random_uuid(),
               'subject-' || i, '{}'::jsonb, '{}'::jsonb, now(), now()
        FROM generate_series(1, @Count) AS i;
        """;

    public Task<TimeSpan> SeedAsync(int count) => DatabaseSeed.RunAsync(database, SeedSql, count, TimeSpan.FromMinutes(10), "users", "user_identities");

    /// <summary>The queries an operator runs, by name; <paramref name="count"/> is how many users were seeded.</summary>
    public static (string Name, string Query)[] Queries(int count) =>
    [
        ("first page", "limit=50"),
        ("deep page (keyset)", "limit=50&after=" + Id(count / 2)),
        ("search: email", "search=seeded.user" + (count / 3) + "@bench.example"),
        ("search: name prefix", "search=Seeded%20User%20" + (count / 7)),
        ("search: subject", "search=subject-" + (count / 11)),
    ];

    public Task<bool> GetAsync(string query) => GetAsync("/api/users", query);

    /// <summary>One admin API read, answer read to its end.</summary>
    public async Task<bool> GetAsync(string path, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path + "?" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await _http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode;
    }

    private static string Id(int i) => $"{i:x12}"[..8] + "-" + $"{i:x12}"[8..] + "-7000-8000-" + $"{i:x12}";

    public void Dispose() => _http.Dispose();
}
