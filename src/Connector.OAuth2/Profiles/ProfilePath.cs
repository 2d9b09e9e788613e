namespace Connector.OAuth2.Profiles;

/// <summary>
/// A Logto profile path: keys separated by dots, where a segment of digits indexes an array
/// (<c>data.user.id</c>, <c>emails.0.value</c>).
/// </summary>
internal static class ProfilePath
{
    public static bool IsValid(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return true; // empty means "the key of the same name"
        }

        foreach (var segment in path.Split('.'))
        {
            if (segment.Length == 0)
            {
                return false;
            }
        }

        return true;
    }
}
