namespace Connector.Host.Tests.Infrastructure;

public static class AdminKeys
{
    public const string Primary = "test-admin-key-primary-0123456789";
    public const string Secondary = "test-admin-key-secondary-0123456789";
    public const string Wrong = "test-admin-key-wrong-000000000000";
}
