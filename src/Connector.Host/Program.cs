using Connector.Host.Admin;
using Connector.Host.Configuration;
using Connector.Host.Engine;
using Connector.Host.Hardening;
using Connector.Host.Health;
using Connector.Host.Oidc;
using Connector.Host.OpenApi;
using Connector.Host.Persistence;
using Connector.Host.Problems;
using Connector.Host.Security;
using Connector.Host.SignIn;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddConnectorsOptions()
    .AddConnectorsProblems()
    .AddConnectorsPersistence()
    .AddConnectorsSecurity()
    .AddConnectorEngine()
    .AddConnectorsHardening()
    .AddConnectorsHealth()
    .AddConnectorsOpenApi()
    .AddAdminApi()
    .AddEndUserSignIn()
    .AddConnectorsOidc();

var app = builder.Build();

app.UseExceptionHandler();
app.UseConnectorsHardening();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseConnectorsOidc();
app.UseAuthentication();
app.UseAuthorization();

app.MapConnectorsHealth();
app.MapConnectorsOpenApi();
app.MapAdminApi();
app.MapSignIn();
app.MapConnectorsOidc();

app.Run();
