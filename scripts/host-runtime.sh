# The host's .NET runtime settings that the runtime reads only from the environment (they have no runtimeconfig.json
# name): sourced by scripts/run.sh and scripts/bench.sh for the host's process alone; the Dockerfile sets the same.
# Why each is here, with its measurements: docs/configuration.md.

# A 4 MiB gen0 budget (hexadecimal), so the host's memory does not follow the size of the machine's L3 cache.
export DOTNET_GCgen0size=0x400000
