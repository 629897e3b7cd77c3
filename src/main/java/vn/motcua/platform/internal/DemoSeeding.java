package vn.motcua.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import vn.motcua.platform.DemoMode;
import vn.motcua.platform.DemoSeed;

/** Runs the modules' demo seeds in order once every bean exists and before the web server starts. */
@Component
@DemoMode
class DemoSeeding implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

	private final ObjectProvider<DemoSeed> seeds;

	DemoSeeding(ObjectProvider<DemoSeed> seeds) {
		this.seeds = seeds;
	}

	@Override
	public void afterSingletonsInstantiated() {
		log.warn("MotCua runs in DEMO mode: demonstration accounts with known passwords exist. Never expose it to"
				+ " the internet; set MOTCUA_MODE=production for a real deployment.");
		seeds.orderedStream().forEach(DemoSeed::seed);
	}
}
