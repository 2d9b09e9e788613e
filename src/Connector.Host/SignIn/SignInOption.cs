namespace Connector.Host.SignIn;

/// <summary>One "Continue with {name}" button.</summary>
public sealed record SignInOption(string Id, string Name, string? LogoUrl);
