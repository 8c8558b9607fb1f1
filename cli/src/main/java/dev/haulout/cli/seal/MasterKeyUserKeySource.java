package dev.haulout.cli.seal;

import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.UserSecretKey;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import java.util.ArrayList;
import java.util.List;

/** Derives usks locally from the master keys of the selected servers in keys.json (testing only). */
final class MasterKeyUserKeySource implements UserKeySource {
  private final List<KeysFile.Server> servers;

  MasterKeyUserKeySource(List<KeysFile.Server> servers) {
    this.servers = servers;
  }

  @Override
  public List<UserSecretKey> userSecretKeys(EncryptedObject object) {
    byte[] fullId = object.fullId();
    List<UserSecretKey> out = new ArrayList<>();
    for (KeysFile.Server s : servers) {
      if (s.masterKey() == null) {
        throw new IllegalArgumentException("server " + s.name() + " has no masterKey in keys.json");
      }
      out.add(new UserSecretKey(s.objectId(), BonehFranklin.extract(s.masterKey(), fullId)));
    }
    return out;
  }
}
