using DemoProvider;

// A tiny OAuth 2.0 provider for trying Connectors without a real one: any name signs in.
// Not for production: codes and tokens live in this process only.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection("Demo"))
    .Validate(o => o.ClientId.Length > 0 && o.ClientSecret.Length > 0, "Demo:ClientId and Demo:ClientSecret are required.")
    .ValidateOnStart();
builder.Services.AddSingleton<DemoGrants>();
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();
app.MapGet("/", () => Results.Text("Demo OAuth 2.0 provider: /authorize, /token, /userinfo, /avatar/{id}.svg"));
app.MapDemoAuthorize();
app.MapDemoToken();
app.MapDemoUserInfo();
app.MapDemoAvatars();
app.Run();
