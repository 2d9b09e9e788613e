using Connector.Host.Configuration;
using Connector.Host.SignIn;
using Microsoft.Extensions.Options;

namespace Connector.Host.Tests.Hardening;

/// <summary>
/// <see cref="ReturnUrlPolicy"/> against open-redirect spellings (RFC 9700 §4.11): encoded, backslashed, whitespace
/// and control characters, scheme-relative and scheme-only URLs, userinfo and look-alike hosts.
/// </summary>
public sealed class ReturnUrlPolicyTests
{
    private const string AllowedOrigin = "https://app.example.com";
    private static readonly ReturnUrlPolicy Policy = new(Options.Create(new ConnectorsOptions { AllowedReturnUrls = { AllowedOrigin } }));

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("///evil.example")]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("/%2f%2fevil.example/path")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%5C%5Cevil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("\\/evil.example")]
    [InlineData("/\t/evil.example")] // browsers drop the tab: //evil.example
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("\u3000//evil.example")]
    [InlineData("https:evil.example")]
    [InlineData("https:/evil.example")]
    [InlineData("https:app.example.com")] // the allowed origin, not spelled as scheme://host
    [InlineData("https:\\\\app.example.com")]
    [InlineData("https://evil.example")]
    [InlineData("HTTPS://EVIL.EXAMPLE/")]
    [InlineData("https://app.example.com@evil.example/")]
    [InlineData("https://app.example.com:443@evil.example/")]
    [InlineData("https://app.example.com.evil.example/")]
    [InlineData("https://evil.example/#https://app.example.com")]
    [InlineData("https://evil.example\\@app.example.com/")]
    [InlineData("http://app.example.com/")] // same host, other scheme: another origin
    [InlineData("javascript:alert(1)")]
    [InlineData("javascript://app.example.com/%0aalert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("evil.example")]
    [InlineData("%2F%2Fevil.example")]
    public void ReturnTo_SpelledToLeaveTheSite_IsRefused(string returnTo) =>
        Assert.Null(Policy.Allow(returnTo));

    [Theory]
    [InlineData("/")]
    [InlineData("/welcome?tab=1")]
    [InlineData("/next?to=%2F%2Fevil.example")] // encoded slashes in the query stay data
    [InlineData("/oidc/auth?client_id=x&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb")]
    [InlineData("https://app.example.com")]
    [InlineData("https://app.example.com/after?x=1#top")]
    [InlineData("https://APP.example.com/after")]
    public void ReturnTo_OnThisSiteOrAnAllowedOrigin_IsKept(string returnTo) =>
        Assert.Equal(returnTo, Policy.Allow(returnTo));

    [Fact]
    public void ReturnTo_UpTo4096Characters_IsKept_AndLongerIsRefused()
    {
        var longest = "/oidc/auth?state=" + new string('a', ReturnUrlPolicy.MaxLength - 17);

        Assert.Equal(4096, ReturnUrlPolicy.MaxLength);
        Assert.Equal(longest, Policy.Allow(longest));
        Assert.Null(Policy.Allow(longest + "a"));
    }
}
