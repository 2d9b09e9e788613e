namespace Connector.Host.Admin.Input;

/// <summary>Field error codes for the shape of a JSON body, beside the engine's <c>ValidationCodes</c>.</summary>
internal static class InputCodes
{
    public const string InvalidJson = "invalid_json";
    public const string InvalidType = "invalid_type";
    public const string UnknownField = "unknown_field";
    public const string ReadOnly = "read_only";
    public const string InvalidId = "invalid_id";
    public const string TooLong = "too_long";
    public const string OutOfRange = "out_of_range";
    public const string OneOf = "one_of";
}
