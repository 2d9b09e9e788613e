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
}
