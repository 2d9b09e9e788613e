namespace Connector.Host.Users;

internal static class UsersExtensions
{
    public static IServiceCollection AddUsers(this IServiceCollection services) => services.AddSingleton<UserStore>().AddSingleton<UserAdminService>();

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app) => app.MapUsersApi();
}
