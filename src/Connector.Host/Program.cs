using Connector.Host.Audit;
using Connector.Host.Configuration;
using Connector.Host.Connectors;
using Connector.Host.Console;
using Connector.Host.Engine;
using Connector.Host.Experience;
using Connector.Host.Hardening;
using Connector.Host.Health;
using Connector.Host.Oidc;
using Connector.Host.OpenApi;
using Connector.Host.Pages;
using Connector.Host.Persistence;
using Connector.Host.Problems;
using Connector.Host.Security;
using Connector.Host.Sessions;
using Connector.Host.SignIn;
using Connector.Host.Telemetry;
using Connector.Host.TokenVault;
using Connector.Host.Users;
using Connector.Host.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddConnectorsOptions()
    .AddConnectorsProblems()
    .AddPages()
    .AddConnectorsPersistence()
    .AddConnectorsTelemetry(builder.Configuration)
    .AddConnectorsSecurity()
    .AddConnectorEngine()
    .AddConnectorsHardening()
    .AddConnectorsHealth()
    .AddConnectorsOpenApi()
    .AddAudit()
    .AddConnectors()
    .AddSignInExperience()
    .AddUsers()
    .AddWebhooks()
    .AddEndUserSessions()
    .AddEndUserSignIn()
    .AddConnectorsOidc()
    .AddTokenVault()
    .AddConsole();

var app = builder.Build();

app.UseExceptionHandler();
app.UseConnectorsHardening();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseConnectorsOidc();
app.UseAuthorization();

app.MapConnectorsHealth();
app.MapConnectorsTelemetry();
app.MapConnectorsOpenApi();
app.MapPages();
app.MapAudit();
app.MapConnectors();
app.MapSignInExperience();
app.MapUsers();
app.MapWebhooks();
app.MapEndUserSignIn();
app.MapConnectorsOidc();
app.MapTokenVault();
app.MapConsole();

app.Run();
