// yaml-language-server 1.x waits a fixed 200 ms after every open and change before it validates (validationDelayMs,
// not a setting). This starts it unchanged except for that delay, set to 0, so that the benchmark compares the work
// each server does, not a debounce: the Compose language service is run with its delay at 0 as well.
const settings = require('yaml-language-server/out/server/src/yamlSettings.js');

const { SettingsState } = settings;
settings.SettingsState = class extends SettingsState {
  constructor() {
    super();
    this.validationDelayMs = 0;
  }
};
require('yaml-language-server/out/server/src/server.js');
