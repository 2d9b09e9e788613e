namespace Connector.Host.Console.Applications;

/// <summary>Whether an app's page carries its secret: the one answer right after it was made.</summary>
public enum SecretMoment
{
    /// <summary>An ordinary visit: the secret is not shown (only its hash is stored).</summary>
    None,

    /// <summary>The answer to "Create application".</summary>
    Created,

    /// <summary>The answer to "Rotate secret".</summary>
    Rotated,
}
