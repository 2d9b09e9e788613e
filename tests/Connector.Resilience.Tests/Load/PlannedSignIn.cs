namespace Connector.Resilience.Tests.Load;

/// <summary>One planned sign-in: who, which profile version, whether the provider refuses it, and the instances it uses.</summary>
public sealed record PlannedSignIn(string Subject, int Version, bool InjectedFailure, int StartOn, int CallbackOn);
