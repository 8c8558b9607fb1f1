package dev.haulout.cli.seal;

import picocli.CommandLine.Command;

/** {@code haulout seal}: Seal threshold encryption with test keys (keys.json) and envelopes. */
@Command(
    name = "seal",
    mixinStandardHelpOptions = true,
    description = "Seal threshold IBE: keygen, encrypt, decrypt, inspect (objects and envelopes).",
    subcommands = {
      KeygenCommand.class,
      EncryptCommand.class,
      DecryptCommand.class,
      InspectCommand.class,
      SealServeCommand.class,
      SealFetchKeyCommand.class,
      SealUserKeyCommand.class,
    })
public final class SealCommand {}
