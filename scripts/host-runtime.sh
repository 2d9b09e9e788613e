# The host's .NET runtime settings that the runtime reads only from the environment (they have no runtimeconfig.json
# name), sourced by scripts/run.sh and scripts/bench.sh for the host's process alone; the Dockerfile sets the same.
#
# A 4 MiB gen0 budget. Workstation GC sizes gen0 from the L3 cache: on a machine that reports a large one (260 MiB on
# the Intel Xeon of docs/benchmarks/round-two-profile.md) the host ran to 250-265 MiB under load, 175-180 MiB with this,
# at the same sign-in rate. The GC reads the value as hexadecimal.
export DOTNET_GCgen0size=0x400000
