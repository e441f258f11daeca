package com.settledesk.console.web;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.settledesk.shared.SimulatorPolicy;

/** Every console page knows which outside parties are simulated, so the layout can say so in a banner. */
@ControllerAdvice(basePackageClasses = SimulatorBannerAdvice.class)
class SimulatorBannerAdvice {

	private final SimulatorPolicy simulators;

	SimulatorBannerAdvice(SimulatorPolicy simulators) {
		this.simulators = simulators;
	}

	@ModelAttribute("simulatorsInUse")
	List<String> simulatorsInUse() {
		return simulators.inUse();
	}
}
