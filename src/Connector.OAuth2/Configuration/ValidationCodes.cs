namespace Connector.OAuth2.Configuration;

/// <summary>Machine-readable codes of config field errors; stable, part of the admin API's answer.</summary>
public static class ValidationCodes
{
    public const string Required = "required";
    public const string InvalidUrl = "invalid_url";
    public const string InsecureUrl = "insecure_url";
    public const string UnsupportedValue = "unsupported_value";
    public const string ReservedParameter = "reserved_parameter";
    public const string InvalidParameter = "invalid_parameter";
    public const string InvalidPath = "invalid_path";

    /// <summary>Not a PEM private key (also: a public key, an encrypted key, two keys in one field).</summary>
    public const string InvalidPrivateKey = "invalid_private_key";

    /// <summary>An RSA key for an EC algorithm or the other way round.</summary>
    public const string KeyTypeMismatch = "key_type_mismatch";

    /// <summary>The right kind of key, but not one the algorithm allows: an RSA key under 2048 bits, a curve other than P-256.</summary>
    public const string UnsupportedKey = "unsupported_key";
}
