using System.Text.RegularExpressions;
using Connector.OAuth2.Authorization;

namespace Connector.OAuth2.Tests.Authorization;

public sealed partial class PkceCodesTests
{
    [Fact]
    public void Create_ReturnsVerifierOf43Base64UrlCharacters()
    {
        var codes = PkceCodes.Create();

        // RFC 7636 §4.1: 43..128 unreserved characters; 32 random bytes in base64url without padding are 43.
        Assert.Matches(Base64UrlOf43(), codes.Verifier);
    }

    [Fact]
    public void Create_ReturnsTheS256ChallengeOfItsVerifier()
    {
        var codes = PkceCodes.Create();

        Assert.Matches(Base64UrlOf43(), codes.Challenge);
        Assert.Equal(PkceCodes.ChallengeFor(codes.Verifier), codes.Challenge);
        Assert.NotEqual(codes.Verifier, codes.Challenge);
    }

    [Fact]
    public void Create_CalledTwice_ReturnsDifferentVerifiers()
    {
        var first = PkceCodes.Create();
        var second = PkceCodes.Create();

        Assert.NotEqual(first.Verifier, second.Verifier);
        Assert.NotEqual(first.Challenge, second.Challenge);
    }

    [Fact]
    public void ChallengeFor_Rfc7636AppendixBVerifier_ReturnsTheRfcChallenge()
    {
        // RFC 7636 Appendix B; independently: base64url(sha256(verifier)) without padding.
        var challenge = PkceCodes.ChallengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", challenge);
    }

    [Fact]
    public void Method_IsS256()
    {
        Assert.Equal("S256", PkceCodes.Method);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Base64UrlOf43();
}
