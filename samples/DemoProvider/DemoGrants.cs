using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DemoProvider;

/// <summary>Codes and access tokens issued by the demo provider, held in memory.</summary>
public sealed class DemoGrants(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();
    private readonly ConcurrentDictionary<string, DemoUser> _tokens = new();

    public string IssueCode(PendingCode pending)
    {
        var code = NewSecret();
        _codes[code] = pending with { ExpiresAt = time.GetUtcNow().AddMinutes(1) };
        return code;
    }

    /// <summary>Codes are single use (RFC 6749 §4.1.2): taking one removes it.</summary>
    public PendingCode? TakeCode(string code) =>
        _codes.TryRemove(code, out var pending) && pending.ExpiresAt > time.GetUtcNow() ? pending : null;

    public string IssueToken(DemoUser user)
    {
        var token = NewSecret();
        _tokens[token] = user;
        return token;
    }

    public DemoUser? FindUser(string token) => _tokens.TryGetValue(token, out var user) ? user : null;

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}

public sealed record DemoUser(string Id, string Name, string Email);

public sealed record PendingCode(string ClientId, string RedirectUri, string? CodeChallenge, DemoUser User, DateTimeOffset ExpiresAt = default);
