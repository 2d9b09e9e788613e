using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Results;

namespace Connector.OAuth2.Profiles;

/// <summary>
/// A <see cref="ProfileMap"/> with every path parsed once, so mapping a userinfo answer parses nothing. A path
/// that does not parse (the validator refuses such maps) maps to nothing.
/// </summary>
internal sealed class CompiledProfileMap
{
    private readonly ProfileExpression? _id;
    private readonly ProfileExpression? _name;
    private readonly ProfileExpression? _avatar;
    private readonly ProfileExpression? _email;
    private readonly ProfileExpression? _phone;
    private readonly ProfileExpression? _emailVerified;
    private readonly string _idPath;

    private CompiledProfileMap(ProfileMap map)
    {
        _idPath = map.IdPath;
        _id = Parse(map.IdPath);
        _name = Parse(map.NamePath);
        _avatar = Parse(map.AvatarPath);
        _email = Parse(map.EmailPath);
        _phone = Parse(map.PhonePath);
        _emailVerified = Parse(map.EmailVerifiedPath);
    }

    public static CompiledProfileMap Compile(ProfileMap? map) => new(map ?? new ProfileMap());

    public ConnectorResult<UserProfile> Map(JsonElement userInfo)
    {
        if (_id?.Evaluate(userInfo) is not { } id)
        {
            return new ConnectorError(ConnectorErrorCodes.ProfileIdMissing,
                $"The userinfo answer has no usable value at '{_idPath}' for the user id.");
        }

        return new UserProfile(id, _name?.Evaluate(userInfo), _avatar?.Evaluate(userInfo), _email?.Evaluate(userInfo), _phone?.Evaluate(userInfo), userInfo)
        {
            EmailVerified = _emailVerified?.Evaluate(userInfo) switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            },
        };
    }

    private static ProfileExpression? Parse(string path) => ProfileExpression.TryParse(path, out var expression) ? expression : null;
}
