# Connectors host: build with the .NET SDK, run on the ASP.NET Core runtime image.
# The migrations are embedded in the assembly at build time, so the runtime image needs no db/ folder.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Connector.OAuth2/Connector.OAuth2.csproj src/Connector.OAuth2/
COPY src/Connector.Host/Connector.Host.csproj src/Connector.Host/
RUN dotnet restore src/Connector.Host/Connector.Host.csproj
COPY src/Connector.OAuth2/ src/Connector.OAuth2/
COPY src/Connector.Host/ src/Connector.Host/
COPY db/migrations/ db/migrations/
COPY presets/ presets/
RUN dotnet publish src/Connector.Host/Connector.Host.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# DOTNET_GCgen0size: scripts/host-runtime.sh's 4 MiB gen0 budget (why: docs/configuration.md).
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_GCgen0size=0x400000
EXPOSE 8080
# The non-root user the .NET images provide.
USER $APP_UID
ENTRYPOINT ["dotnet", "Connector.Host.dll"]
