using WireMock.ResponseBuilders;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>
/// The provider calls a callback makes, in order: the token exchange (POST /token), then the profile read
/// (GET /userinfo). A fault at one step needs the steps before it to work.
/// </summary>
public static class ProviderSteps
{
    public static string MethodOf(string path) => path == FakeProvider.TokenPath ? "POST" : "GET";

    /// <summary>The steps before <paramref name="path"/> work: a token, when the fault is at userinfo.</summary>
    public static void WorksUpTo(this FakeProvider provider, string path)
    {
        if (path == FakeProvider.UserInfoPath)
        {
            provider.IssuesAnAccessToken();
        }
    }

    /// <summary>The step at <paramref name="path"/> answers <paramref name="answer"/>; the steps before it work.</summary>
    public static void AnswersAt(this FakeProvider provider, string path, IResponseBuilder answer)
    {
        provider.WorksUpTo(path);
        provider.On(MethodOf(path), path, answer);
    }

    /// <summary>The step at <paramref name="path"/> answers nothing until released; the steps before it work.</summary>
    public static HeldRequests HoldsAt(this FakeProvider provider, string path)
    {
        provider.WorksUpTo(path);
        return provider.Holds(MethodOf(path), path);
    }
}
