using System.Text.Json;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tokens;

namespace Connector.OAuth2.Pipeline;

/// <summary>Collects a <see cref="SignInTrace"/> while the pipeline runs; a real sign-in runs without one.</summary>
internal sealed class SignInRecorder
{
    private SignInTrace _trace = new();

    public void Tokens(TokenSet tokens) => _trace = _trace with
    {
        Tokens = new TokenSummary(tokens.TokenType, tokens.ExpiresIn, tokens.Scope, tokens.RefreshToken is not null, tokens.IdToken is not null),
    };

    public void UserInfo(JsonElement userInfo) => _trace = _trace with { UserInfo = userInfo };

    public void EmailLookup(string? email, ConnectorError? error) => _trace = _trace with { EmailLookup = new EmailLookupOutcome(email, error) };

    public void Failed(SignInStep step, ConnectorError error) => _trace = _trace with { FailedStep = step, Error = error };

    public SignInTrace Finish(UserProfile? profile) => _trace with { Profile = profile };
}
